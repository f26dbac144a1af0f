"""The conversion stages: read, parse, extract, link and build."""
