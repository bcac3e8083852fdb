#!/usr/bin/env python3
"""Catch2 test names that ctest can run (tests/CMakeLists.txt discovers them one by one).

Usage: check_test_names.py REPO_ROOT

catch_discover_tests hands each TEST_CASE name to CMake as one list item: a ';' splits it into
two tests that each select nothing and pass without running anything (30 test cases were lost
that way). A '[' starts a tag in Catch's filter and a name given twice is run twice. Prints
every such name with its file and line and exits 1; 0 when every name is usable.
"""
import os
import re
import sys

NAME = re.compile(r'\bTEST_CASE\(\s*"((?:[^"\\]|\\.)*)"')


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    root = os.path.join(sys.argv[1], "tests")
    problems, seen, count = [], {}, 0
    for dirpath, _, names in os.walk(root):
        if os.path.relpath(dirpath, root).startswith(os.path.join("journals", "make")):
            continue  # drivers built against older releases, not part of this build
        for name in sorted(names):
            if not name.endswith(".cpp"):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8") as file:
                text = file.read()
            for match in NAME.finditer(text):
                count += 1
                test = match.group(1)
                where = f"{os.path.relpath(path, sys.argv[1])}:{text.count(chr(10), 0, match.start()) + 1}"
                for bad, why in ((";", "a ';' splits it into two ctest tests that run nothing"),
                                 ("[", "a '[' starts a tag in Catch's filter"), ("*", "a '*' is a wildcard in Catch's filter")):
                    if bad in test:
                        problems.append(f"{where}: \"{test}\": {why}")
                if test in seen:
                    problems.append(f"{where}: \"{test}\" is also at {seen[test]}")
                seen.setdefault(test, where)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"check_test_names: {count} test cases, every name runs under ctest")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
