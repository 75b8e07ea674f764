"""What is known: the MIDI determinants, the strategies, their links; loaded and validated."""
