"""Operations that change a plan, one module per concept; each takes a Recorder."""
