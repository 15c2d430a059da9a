"""Rounds of one city's assessment over time: a baseline and its follow-ups, and how they compare."""
