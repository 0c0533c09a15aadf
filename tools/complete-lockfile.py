#!/usr/bin/env python3
"""Adds the lock entries npm leaves out when its registry serves only this platform's optional
binaries (biome, duckdb, rollup): without them `npm ci` refuses the lock ("Missing: … from lock
file"). Usage: npm ci 2>&1 | sed -n "s/.*Missing: \(.*\)@ from lock file/\1/p" > missing.txt;
               python3 tools/complete-lockfile.py package-lock.json missing.txt"""
import json, re, sys
lockp = sys.argv[1]; missing = [l.strip() for l in open(sys.argv[2]) if l.strip()]
lock = json.load(open(lockp))
pk = lock['packages']
def spec(name):
    for k, v in pk.items():
        od = v.get('optionalDependencies', {})
        if name in od: return od[name], v.get('dev', False)
    raise SystemExit('no parent for ' + name)
def platform(name):
    n = name.split('/')[-1]
    os_ = next(o for o in ['android','darwin','linux','win32','freebsd','openbsd','openharmony'] if o in n)
    cpus = ['arm64','x64','ia32','arm','loong64','ppc64','riscv64','s390x']
    cpu = next(c for c in cpus if re.search(r'-' + c + r'(-|$)', n))
    libc = 'musl' if 'musl' in n else ('glibc' if os_ == 'linux' and ('gnu' in n) else None)
    return os_, cpu, libc
for name in missing:
    v, dev = spec(name)
    os_, cpu, libc = platform(name)
    e = {'version': v.lstrip('^~=')}
    if dev: e['dev'] = True
    e['optional'] = True
    e['os'] = [os_]; e['cpu'] = [cpu]
    if libc: e['libc'] = [libc]
    pk['node_modules/' + name] = e
lock['packages'] = dict(sorted(pk.items(), key=lambda kv: (kv[0] != '', kv[0])))
json.dump(lock, open(lockp, 'w'), indent=2); open(lockp, 'a').write('\n')
print('added', len(missing))
