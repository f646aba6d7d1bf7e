"""The one way to change a plan (Recorder, editor), the read model and the plan rules."""
