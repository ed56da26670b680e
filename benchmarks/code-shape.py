#!/usr/bin/env python3
"""The shape of the code under every src/main of a tree: the N largest .java files (lines, as wc -l counts
them) and the N longest methods and constructors (lines from the line of the name to the closing brace).

Usage: python3 benchmarks/code-shape.py [ROOT] [N]   (defaults: . and 10; target/ is left out)

Methods are found by a small tokenizer, not a Java parser: comments, strings and text blocks are blanked,
then a name followed by (...) and { whose previous token is a type or a modifier is a method. Lambdas,
anonymous classes, records' compact constructors and package-private constructors are not counted; good
enough to follow the largest ones from one measurement to the next, which is what it is for.
"""
import os, re, sys
root = sys.argv[1] if len(sys.argv) > 1 else '.'
top = int(sys.argv[2]) if len(sys.argv) > 2 else 10
KW = {'if','for','while','switch','catch','synchronized','try','new','return','else','do','record','class',
      'interface','enum','throw','case','assert','yield','this','super','default','instanceof'}
def strip(src):
    out = []; i = 0; n = len(src)
    while i < n:
        c = src[i]
        if src.startswith('//', i):
            j = src.find('\n', i); j = n if j < 0 else j; i = j; continue
        if src.startswith('/*', i):
            j = src.find('*/', i + 2); j = n if j < 0 else j + 2
            out.append('\n' * src.count('\n', i, j)); i = j; continue
        if src.startswith('"""', i):
            j = src.find('"""', i + 3); j = n if j < 0 else j + 3
            out.append('""' + '\n' * src.count('\n', i, j)); i = j; continue
        if c == '"' or c == "'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == '\\' else 1
            out.append(c + c); i = j + 1; continue
        out.append(c); i += 1
    return ''.join(out)
def closing(toks, j, opening, close):
    """The index of the token that closes the bracket at toks[j] (the last token when it is never closed)."""
    depth = 0
    while j < len(toks):
        if toks[j][0] == opening: depth += 1
        elif toks[j][0] == close:
            depth -= 1
            if depth == 0: return j
        j += 1
    return len(toks) - 1

res = []
sizes = []
for d, _, fs in os.walk(root):
    if '/target' in d or '/.git' in d or '/src/main/' not in d + '/': continue
    for f in fs:
        if not f.endswith('.java'): continue
        p = os.path.join(d, f); text = open(p, encoding='utf-8').read(); s = strip(text)
        sizes.append((text.count('\n'), os.path.relpath(p, root)))
        toks = []; line = 1
        for m in re.finditer(r'\n|[A-Za-z_$][\w$]*|\d[\w.]*|\S', s):
            if m.group() == '\n': line += 1; continue
            toks.append((m.group(), line))
        k = 0
        while k < len(toks):
            t, ln = toks[k]
            if t == '(' and k >= 2 and re.match(r'[A-Za-z_$]', toks[k-1][0]) and toks[k-1][0] not in KW:
                prev = toks[k-2][0]
                if (re.match(r'[A-Za-z_$]', prev) and prev not in KW - {'default'} and prev != 'new') or prev in ('>', ']'):
                    j = closing(toks, k, '(', ')') + 1
                    if j < len(toks) and toks[j][0] == 'throws':
                        while j < len(toks) and toks[j][0] not in ('{', ';'): j += 1
                    if j < len(toks) and toks[j][0] == '{':
                        e = closing(toks, j, '{', '}')
                        start = toks[k-1][1]
                        res.append((toks[e][1] - start + 1, os.path.relpath(p, root), toks[k-1][0], start))
                        k = j + 1; continue
            k += 1
sizes.sort(reverse=True)
print('largest files (lines):')
for s in sizes[:top]: print('%5d  %s' % s)
res.sort(reverse=True)
print('longest methods (lines):')
for r in res[:top]: print('%5d  %s  %s() line %d' % r)
