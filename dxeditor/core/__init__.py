"""Pure-Python plan rules: fiscal years and eras, validation, messages. No Qt, no SQL."""
