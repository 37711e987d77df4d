"""What each namespace sends and returns (`imbrace.types`)."""
