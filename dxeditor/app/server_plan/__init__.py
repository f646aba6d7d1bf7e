"""Editing a plan that lives on a PostgreSQL server, from a window (see :mod:`.session`).

:mod:`.link` sends a window's changes and refuses those that collide; :mod:`.outbox` keeps
changes while the server is away; :mod:`.session` ties them to the window's local copy
(:mod:`dxeditor.store.server.replica`) and the listener (:mod:`dxeditor.store.server.listen`).
"""
