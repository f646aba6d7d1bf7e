"""Which outline lines the find filter shows, recomputed only where an edit changed them.

A line shows when it matches, holds a match, or lies under a matching initiative or row (a
matching section shows alone). After a structural edit inside initiatives (rows added,
removed, moved, indented) only those initiatives' lines and their sections can change: the
view recomputes them here instead of walking every match of a 10,000-row plan.
"""

from __future__ import annotations

from dxeditor.plan.ops.outline import Item
from dxeditor.ui.outline_model import Node


class FilterScope:
    """The initiatives whose lines changed since the last filter pass (or: anything may have)."""

    def __init__(self) -> None:
        self.initiatives: set[int] = set()
        self.everything = True

    def clear(self) -> None:
        self.initiatives.clear()
        self.everything = False

    def touch(self, node: Node) -> None:
        """Lines were inserted or removed under ``node`` (or ``node`` itself was inserted)."""
        initiative = initiative_of(node)
        if initiative is None:
            self.everything = True  # sections or initiatives themselves: numbers and parents anywhere
        else:
            self.initiatives.add(initiative.id)


def initiative_of(node: Node) -> Node | None:
    """The initiative holding ``node`` (itself for an initiative); None for a section or the root."""
    p: Node | None = node
    while p is not None and p.kind == "row":
        p = p.parent
    return p if p is not None and p.kind == "initiative" else None


def subtree_visible(initiative: Node, matches: set[Item]) -> tuple[set[Item], list[Node]]:
    """(the visible keys, every node) of ``initiative`` and its rows under ``matches``."""
    visible: set[Item] = set()
    nodes: list[Node] = []

    def walk(node: Node, covered: bool) -> bool:
        nodes.append(node)
        here = node.key() in matches
        below = False
        for child in node.children:
            below = walk(child, covered or here) or below
        shown = covered or here or below
        if shown:
            visible.add(node.key())
        return here or below

    walk(initiative, False)
    return visible, nodes


def update_region(root: Node, initiatives: list[Node], matches: set[Item], visible: set[Item],
                  hidden: set[Item], dirty: set[Item]) -> tuple[list[tuple[Node, bool]], list[Node]]:
    """Recompute ``visible`` for ``initiatives`` and their sections, in place.

    ``hidden``: the lines hidden in Qt (the topmost of each hidden part); ``dirty``: lines
    inserted since the last pass (Qt shows those). Returns the lines whose hidden state must
    change in Qt (node, hide) — ``hidden`` is updated to match — and the lines that became
    visible (to expand).
    """
    touched: list[Node] = []
    appeared: list[Node] = []
    for initiative in initiatives:
        new, nodes = subtree_visible(initiative, matches)
        for n in nodes:
            key = n.key()
            if key in new and (key not in visible or key in dirty):
                appeared.append(n)
            visible.discard(key)
        visible |= new
        touched.extend(nodes)
        # the sections above: shown when they match or show a line
        p = initiative.parent
        while p is not None and p is not root:
            shown = p.key() in matches or any(c.key() in visible for c in p.children)
            if shown == (p.key() in visible):
                break
            if shown:
                visible.add(p.key())
                appeared.append(p)
            else:
                visible.discard(p.key())
            touched.append(p)
            touched.extend(p.children)
            p = p.parent
    changes: list[tuple[Node, bool]] = []
    seen: set[int] = set()
    for n in touched:
        if id(n) in seen:
            continue
        seen.add(id(n))
        key = n.key()
        parent = n.parent
        hide = key not in visible and (parent is None or parent is root or parent.key() in visible)
        now = key in hidden and key not in dirty
        if hide != now:
            changes.append((n, hide))
        if hide:
            hidden.add(key)
        else:
            hidden.discard(key)
    return changes, appeared
