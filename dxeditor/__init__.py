"""dxeditor — a desktop editor for Japanese municipal DX plans (自治体DX計画)."""

__version__ = "0.1.0"
APP_NAME = "dxeditor"
ORG_NAME = "dxeditor"
