#!/usr/bin/env python3
"""The source folders and what each may include (README, "Architecture").

Usage: check_layers.py REPO_ROOT

Reads every #include "..." in kiosk/*/ and scenes/ and checks:
  - each folder includes only the folders it may use (LAYERS below, the same as the CMake
    link lines): core, config, store, net and ai never reach into screen/ or tools/, and
    only ui/, scenes/ and screen/ include SDL;
  - the include graph between files has no cycle.
Prints every breach as `file: includes X (FOLDER may use: ...)` and exits 1; 0 when clean.
"""
import os
import re
import sys

# folder -> the folders it may include besides itself
LAYERS = {
    "core": set(),
    "system": set(),
    "ai": {"core"},
    "display": {"core"},
    "net": {"core"},
    "store": {"core"},
    "ui": {"core"},
    "media": {"core"},
    "config": {"core", "ai", "display"},
    "scenes": {"core", "ui"},
    "screen": {"core", "config", "display", "scenes", "system", "ui", "media"},
    "tools": {"core", "config", "display", "scenes", "system", "ui", "screen", "ai", "net", "store", "media"},
    "app": {"core", "config", "display", "scenes", "system", "ui", "screen", "ai", "net", "store", "tools", "media"},
}
SDL_FOLDERS = {"ui", "scenes", "screen"}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]', re.M)


def folder_of(path):
    parts = path.split("/")
    if parts[0] == "scenes":
        return "scenes"
    if parts[0] == "kiosk" and len(parts) > 2:
        return parts[1]
    return None


def sources(root):
    for top in ("kiosk", "scenes"):
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            for name in sorted(names):
                if name.endswith((".cpp", ".hpp", ".hpp.in")):
                    yield os.path.relpath(os.path.join(dirpath, name), root)


def find_cycle(graph):
    """One cycle as a list of files, or None (iterative depth-first search)."""
    state = {}
    for start in sorted(graph):
        if start in state:
            continue
        stack = [(start, iter(sorted(graph[start])))]
        state[start] = "open"
        path = [start]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = "done"
                stack.pop()
                path.pop()
            elif state.get(child) == "open":
                return path[path.index(child):] + [child]
            elif child not in state and child in graph:
                state[child] = "open"
                stack.append((child, iter(sorted(graph[child]))))
                path.append(child)
    return None


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    root = sys.argv[1]
    problems = []
    graph = {}
    for path in sources(root):
        folder = folder_of(path)
        if folder not in LAYERS:
            problems.append(f"{path}: folder {folder} is not in check_layers.py's LAYERS; add it with what it may use")
            continue
        with open(os.path.join(root, path), encoding="utf-8") as file:
            text = file.read()
        graph[path] = set()
        for kind, target in INCLUDE.findall(text):
            if kind == "<":
                if target.startswith("SDL") and folder not in SDL_FOLDERS:
                    problems.append(f"{path}: includes <{target}> (only {', '.join(sorted(SDL_FOLDERS))} use SDL)")
                continue
            used = folder_of(target)
            if used is None:
                continue
            graph[path].add(target)
            if used != folder and used not in LAYERS[folder]:
                allowed = ", ".join(sorted(LAYERS[folder])) or "nothing"
                problems.append(f"{path}: includes {target} ({folder}/ may use: {allowed})")
    cycle = find_cycle(graph)
    if cycle:
        problems.append("include cycle: " + " -> ".join(cycle))
    for problem in problems:
        print(problem)
    if not problems:
        print(f"check_layers: {len(graph)} files, every include within its layer, no cycle")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
