"""Measuring the checks against labelled data (`sourcecheck evaluate`)."""
