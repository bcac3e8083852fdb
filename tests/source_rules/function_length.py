#!/usr/bin/env python3
"""function_length.py - C++ function bodies longer than a limit (default 60 lines).

Usage:
    function_length.py REPO_ROOT [DIR ...] [--max N] [--allow FILE] [--show-tables] [-v]

--allow FILE names functions that are still over the limit, one "path: name" per line (#
comments allowed): they are reported but do not fail, and a listed function that is no longer
over the limit fails until it is taken off the list, so the list only shrinks.

DIRs are relative to REPO_ROOT (default: kiosk scenes bench).  Any path with a
component named ``tests`` is skipped.  Files: .cpp .cc .cxx .hpp .hh .h .ipp .inl

Output, longest first:
    path:line: NAME N lines
where ``line`` is the line of the opening ``{`` of the body and N counts from
the line holding that ``{`` to the line holding the matching ``}`` inclusive.
Exit status: 1 if any function is longer than --max, 0 otherwise
(2 on usage error).

How it works (a heuristic, not a parser):
  1. Each file is "blanked": comments, string literals (including raw strings
     R"d(...)d" with any prefix), character literals (digit separators like
     60'000 are recognised and left alone) and preprocessor lines (with
     backslash continuations) are replaced by spaces, newlines kept, so line
     numbers survive and no brace inside them is seen.
  2. Braces are matched on the blanked text.  Only a ``{`` that opens directly
     in a namespace/class/struct/union/enum/extern scope (or at file scope) is
     classified, using the "head": the text since the last ``;``, ``{`` or
     ``}`` at that level, where brace groups that were not scopes or function
     bodies (initialisers such as ``x{1}``) are collapsed to ``{}``:
       - function body  if the head, after dropping trailing ``const``,
         ``noexcept[(...)]``, ``override``, ``final``, ``volatile``, ``&``,
         ``&&``, ``mutable``, ``constexpr``, ``-> type`` and ``requires ...``,
         ends with ``)`` (ordinary functions, operators, namespace-scope
         lambdas with a parameter list) or ends with ``]`` of a lambda
         introducer, or is ``...) [quals] : init, init`` (constructor
         member-initialiser list, each init ending in ``(..)`` or ``{..}``);
       - scope           if the head contains namespace/class/struct/union/
         enum, or is ``extern "C"``;
       - otherwise an initialiser (not a function).
     Everything nested inside a function body (blocks, lambdas, local
     classes) belongs to that function and is never reported separately.
  3. Tables are skipped (shown only with --show-tables): a function is a
     "table" when
       (a) a comment containing ``clang-format off`` lies inside its body, or
       (b) more than 60% of the non-blank lines strictly between the opening
           and closing brace lines start (after whitespace) with ``{``.
Known limits: code in both branches of #if/#else is seen (unbalanced braces
across branches would confuse matching; a warning is printed to stderr when a
file does not balance); macros that expand to braces are not expanded.
"""

import os
import re
import sys

EXTS = (".cpp", ".cc", ".cxx", ".hpp", ".hh", ".h", ".ipp", ".inl")
DEFAULT_DIRS = ("kiosk", "scenes", "bench")
TABLE_FRACTION = 0.60


def blank(src):
    """Return (blanked_text, clang_format_off_lines)."""
    out = list(src)
    n = len(src)
    i = 0
    off_lines = []
    line = 1
    at_line_start = True  # only whitespace seen so far on this line
    in_pp = False

    def wipe(a, b):
        for k in range(a, b):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = src[i]
        if c == "\n":
            # backslash continuation keeps a preprocessor line going
            if in_pp:
                j = i - 1
                if j >= 0 and src[j] == "\r":
                    j -= 1
                if not (j >= 0 and src[j] == "\\"):
                    in_pp = False
            line += 1
            at_line_start = True
            i += 1
            continue
        if c in " \t\r\f\v":
            if in_pp:
                out[i] = " "
            i += 1
            continue
        if c == "#" and at_line_start and not in_pp:
            in_pp = True
        at_line_start = False
        # comments
        if c == "/" and i + 1 < n and src[i + 1] == "/":
            j = i
            while j < n and src[j] != "\n":
                j += 1
            if "clang-format off" in src[i:j]:
                off_lines.append(line)
            wipe(i, j)
            i = j
            continue
        if c == "/" and i + 1 < n and src[i + 1] == "*":
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            if "clang-format off" in src[i:j]:
                off_lines.append(line)
            line += src.count("\n", i, j)
            wipe(i, j)
            i = j
            continue
        # raw string literal: [u8|u|U|L]R"delim( ... )delim"
        if c == '"':
            m = re.search(r"(?:u8|u|U|L)?R$", src[max(0, i - 3):i])
            if m:
                pstart = i - len(m.group(0))
                if pstart == 0 or not (src[pstart - 1].isalnum() or src[pstart - 1] == "_"):
                    paren = src.find("(", i + 1)
                    delim = src[i + 1:paren] if paren >= 0 else ""
                    if paren >= 0 and len(delim) <= 16 and not re.search(r'[\s\\()"]', delim):
                        end = src.find(")" + delim + '"', paren + 1)
                        end = n if end < 0 else end + len(delim) + 2
                        line += src.count("\n", i, end)
                        wipe(pstart, end)
                        i = end
                        continue
            # ordinary string literal
            j = i + 1
            while j < n and src[j] != '"' and src[j] != "\n":
                j += 2 if src[j] == "\\" else 1
            j = min(j + 1, n)
            line += src.count("\n", i, j)
            wipe(i, j)
            i = j
            continue
        if c == "'":
            # digit separator?  look at the token immediately before
            k = i
            while k > 0 and (src[k - 1].isalnum() or src[k - 1] in "_'."):
                k -= 1
            tok = src[k:i]
            if tok and tok[0].isdigit():
                i += 1
                continue
            j = i + 1
            while j < n and src[j] != "'" and src[j] != "\n":
                j += 2 if src[j] == "\\" else 1
            j = min(j + 1, n)
            wipe(i, j)
            i = j
            continue
        if in_pp:
            out[i] = " "
        i += 1
    return "".join(out), off_lines


QUAL_WORDS = ("const", "noexcept", "override", "final", "volatile", "mutable",
              "constexpr", "consteval", "throw")


def match_back(s, end, open_ch, close_ch):
    """s[end] is close_ch; return index of its matching open_ch (or -1)."""
    depth = 0
    for k in range(end, -1, -1):
        if s[k] == close_ch:
            depth += 1
        elif s[k] == open_ch:
            depth -= 1
            if depth == 0:
                return k
    return -1


def top_level_positions(s, token):
    """Positions of `token` in s at paren/bracket/angle-agnostic depth 0."""
    res = []
    depth = 0
    k = 0
    while k < len(s):
        ch = s[k]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0 and s.startswith(token, k):
            res.append(k)
        k += 1
    return res


def strip_quals(h):
    """Drop trailing function qualifiers / trailing return / requires."""
    h = h.rstrip()
    # trailing return type: cut at the last top-level '->'
    arrows = top_level_positions(h, "->")
    if arrows:
        before = h[:arrows[-1]].rstrip()
        if before.endswith(")") or before.endswith("]") or re.search(r"\b(?:%s)$" % "|".join(QUAL_WORDS), before):
            h = before
    req = [p for p in top_level_positions(h, "requires")
           if (p == 0 or not (h[p - 1].isalnum() or h[p - 1] == "_"))]
    if req and req[-1] > 0 and h[:req[-1]].rstrip().endswith(")"):
        h = h[:req[-1]].rstrip()
    changed = True
    while changed:
        changed = False
        h = h.rstrip()
        # noexcept(...) / throw(...)
        if h.endswith(")"):
            o = match_back(h, len(h) - 1, "(", ")")
            if o > 0 and re.search(r"\b(?:noexcept|throw)\s*$", h[:o]):
                h = h[:o].rstrip()
                h = re.sub(r"\b(?:noexcept|throw)$", "", h)
                changed = True
                continue
        m = re.search(r"(?:\b(?:%s)|&&|&)$" % "|".join(QUAL_WORDS), h)
        if m:
            h = h[:m.start()]
            changed = True
    return h.rstrip()


def is_lambda_intro(h):
    if not h.endswith("]"):
        return False
    o = match_back(h, len(h) - 1, "[", "]")
    if o < 0:
        return False
    if o > 0 and h[o - 1] == "[":  # [[attribute]]
        return False
    before = h[:o].rstrip()
    return before == "" or before[-1] in "=(,{:?" or before.endswith("return")


def name_before_paren(h):
    """h ends with ')': return the callable name before its '(' group."""
    o = match_back(h, len(h) - 1, "(", ")")
    if o < 0:
        return None
    pre = h[:o].rstrip()
    m = re.search(r"([\w:~]*\boperator\b\s*(?:\(\s*\)|\[\s*\]|[^\w\s()]+|[\w:<>*& ]+?))\s*$", pre)
    if m:
        return " ".join(m.group(1).split())
    m = re.search(r"([~\w][\w:~]*(?:\s*<[^(){};]*>)?)\s*$", pre)
    if m:
        return re.sub(r"\s+", "", m.group(1))
    if pre.endswith("]"):
        return "<lambda>"
    return None


def classify(head):
    """Return ('function', name) | ('scope', None) | ('other', None)."""
    h = " ".join(head.split())
    # drop leading access specifiers like "public:" (not '::')
    h = re.sub(r"^(?:(?:public|private|protected)\s*:(?!:)\s*)+", "", h)
    if not h:
        return ("other", None)
    s = strip_quals(h)
    # constructor with member-initialiser list
    if s.endswith(")") or s.endswith("}"):
        for p in reversed(top_level_positions(s, ":")):
            if (p + 1 < len(s) and s[p + 1] == ":") or (p > 0 and s[p - 1] == ":"):
                continue
            before = strip_quals(s[:p])
            after = s[p + 1:]
            if before.endswith(")") and re.match(r"^\s*[\w:<>, ]+\s*(\(|\{)", after):
                nm = name_before_paren(before)
                if nm:
                    return ("function", nm)
            break
    if s.endswith(")"):
        nm = name_before_paren(s)
        if nm and nm not in ("if", "for", "while", "switch", "catch", "sizeof",
                             "decltype", "alignas", "alignof", "__attribute__"):
            # a lambda assigned at namespace scope: name it after the variable
            if nm == "<lambda>":
                v = re.search(r"(\w+)\s*=\s*\[", s)
                nm = (v.group(1) + " (lambda)") if v else "<lambda>"
            return ("function", nm)
    if is_lambda_intro(s):
        v = re.search(r"(\w+)\s*=\s*\[[^\]]*\]$", s)
        return ("function", (v.group(1) + " (lambda)") if v else "<lambda>")
    if re.search(r"\b(?:namespace|class|struct|union|enum)\b", h) or re.match(r"^extern\s*\"?\s*\"?$", h):
        return ("scope", None)
    if re.match(r"^extern\b", h) and '"' in h:
        return ("scope", None)
    return ("other", None)


def scan_file(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        src = f.read()
    text, off_lines = blank(src)
    lines = src.split("\n")
    results = []

    # stack frames: dict(kind, head_start, open_line, name)
    # scope frames accumulate `head` strings
    stack = [{"kind": "scope", "head": []}]
    line = 1
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        top = stack[-1]
        if c == "\n":
            line += 1
            if top["kind"] == "scope":
                top["head"].append(" ")
        elif c == "{":
            if top["kind"] == "scope":
                kind, name = classify("".join(top["head"]))
                stack.append({"kind": kind, "line": line, "name": name,
                              "head": [], "depth": 1})
            else:
                top["depth"] += 1
        elif c == "}":
            if top["kind"] == "scope":
                if len(stack) == 1:
                    print("warning: %s:%d: unmatched '}'" % (path, line), file=sys.stderr)
                else:
                    stack.pop()
                    stack[-1]["head"] = []
            else:
                top["depth"] -= 1
                if top["depth"] == 0:
                    stack.pop()
                    parent = stack[-1]
                    if top["kind"] == "function":
                        results.append((top["name"], top["line"], line))
                        parent["head"] = []
                    else:  # initialiser: collapse into the head
                        parent["head"].append("{}")
        elif top["kind"] == "scope":
            if c == ";":
                top["head"] = []
            else:
                top["head"].append(c)
        i += 1
    if len(stack) != 1:
        print("warning: %s: %d unclosed brace group(s) at end of file"
              % (path, len(stack) - 1), file=sys.stderr)

    out = []
    for name, start, end in results:
        length = end - start + 1
        inner = [l for l in lines[start:end - 1] if l.strip()]
        brace_lines = sum(1 for l in inner if l.lstrip().startswith("{"))
        table = (any(start <= ol <= end for ol in off_lines)
                 or (inner and brace_lines / len(inner) > TABLE_FRACTION))
        out.append((name, start, length, table))
    return out


def main(argv):
    args = [a for a in argv if not a.startswith("-")]
    limit = 60
    show_tables = "--show-tables" in argv
    verbose = "-v" in argv
    for k, a in enumerate(argv):
        if a == "--max" and k + 1 < len(argv):
            limit = int(argv[k + 1])
            args.remove(argv[k + 1])
        elif a == "--allow" and k + 1 < len(argv):
            args.remove(argv[k + 1])
        elif a.startswith("--max="):
            limit = int(a.split("=", 1)[1])
    if not args:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    root = args[0]
    dirs = args[1:] or list(DEFAULT_DIRS)
    found = []
    tables = []
    for d in dirs:
        base = os.path.join(root, d)
        if not os.path.exists(base):
            print("warning: %s does not exist" % base, file=sys.stderr)
            continue
        walk = [(os.path.dirname(base), [], [os.path.basename(base)])] if os.path.isfile(base) else os.walk(base)
        for dirpath, dirnames, filenames in walk:
            dirnames[:] = sorted(x for x in dirnames if x != "tests")
            for fn in sorted(filenames):
                if not fn.endswith(EXTS):
                    continue
                p = os.path.join(dirpath, fn)
                rel = os.path.relpath(p, root)
                if "tests" in rel.split(os.sep):
                    continue
                for name, start, length, table in scan_file(p):
                    if verbose:
                        print("  %s:%d: %s %d lines%s" % (rel, start, name, length, " (table)" if table else ""), file=sys.stderr)
                    if length > limit:
                        (tables if table else found).append((length, rel, start, name))
    allowed = set()
    for k, a in enumerate(argv):
        if a == "--allow" and k + 1 < len(argv):
            with open(argv[k + 1], encoding="utf-8") as listed:
                allowed = {l.split("#", 1)[0].strip() for l in listed if l.split("#", 1)[0].strip()}
    key = lambda t: (-t[0], t[1], t[2])
    failing = []
    for length, rel, start, name in sorted(found, key=key):
        listed = "%s: %s" % (rel, name) in allowed
        print("%s:%d: %s %d lines%s" % (rel, start, name, length, " (listed, still to split)" if listed else ""))
        if not listed:
            failing.append(name)
    for entry in sorted(allowed - {"%s: %s" % (rel, name) for _, rel, _, name in found}):
        print("%s: no longer over %d lines; take it off the list" % (entry, limit))
        failing.append(entry)
    if show_tables:
        for length, rel, start, name in sorted(tables, key=key):
            print("%s:%d: %s %d lines (table, not counted)" % (rel, start, name, length))
    if not failing:
        print("function_length: no function over %d lines outside the list (%d listed)" % (limit, len(allowed)))
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
