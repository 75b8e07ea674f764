"""What to do about it: ranking, recommendation and the plan across barriers."""
