#!/usr/bin/env python3
# Usage: python3 scripts/lsp-open-and-type.py build/bitext FILE [EDITS [stream [INTERVAL_MS]]]  (docs/performance.md)
# Opens the document in `bitext lsp`, waits for its diagnostics, makes one-character edits 100 ms
# apart (each after the last one's diagnostics; with `stream`, without waiting), and reports
# open->first and open->full diagnostics (wall) and the server's CPU time and peak RSS.
# With BITEXT_LSP_WRAPPER set (e.g. "heaptrack -o /tmp/ht") the server runs under that command and
# talks over TCP (`bitext lsp --listen`), so that the wrapper's own output cannot break the stream.
import json, subprocess, sys, time, os, resource, shlex, socket
binary, path = sys.argv[1], sys.argv[2]
edits = int(sys.argv[3]) if len(sys.argv) > 3 else 0
stream = len(sys.argv) > 4 and sys.argv[4] == 'stream'  # edits sent without waiting for diagnostics
interval = float(sys.argv[5]) / 1000 if len(sys.argv) > 5 else 0.1  # between stream edits
wrapper = shlex.split(os.environ.get('BITEXT_LSP_WRAPPER', ''))
if wrapper:
    p = subprocess.Popen(wrapper + [binary, 'lsp', '--listen', '127.0.0.1:0'], stderr=subprocess.PIPE)
    while True:
        line = p.stderr.readline().decode()
        if not line: sys.exit('the server did not start listening')
        if 'listening on' in line: break
    port = int(line.rsplit(':', 1)[1])
    import threading; threading.Thread(target=lambda: p.stderr.read(), daemon=True).start()
    connection = socket.create_connection(('127.0.0.1', port))
    out_stream, in_stream = connection.makefile('wb'), connection.makefile('rb')
else:
    p = subprocess.Popen([binary, 'lsp'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    out_stream, in_stream = p.stdin, p.stdout
def send(msg):
    body = json.dumps(msg).encode()
    out_stream.write(b'Content-Length: %d\r\n\r\n' % len(body) + body); out_stream.flush()
def read():
    headers = {}
    while True:
        line = in_stream.readline()
        if line in (b'\r\n', b''): break
        k, v = line.decode().split(':', 1); headers[k.lower()] = v.strip()
    return json.loads(in_stream.read(int(headers['content-length'])))
def wait_diagnostics(version=None):
    while True:
        m = read()
        if m.get('method') == 'textDocument/publishDiagnostics': return m
# Read after the server started: a child forked from this process starts with
# its memory, and getrusage's peak RSS of a child counts it (the 10 MB text is
# about 40 MB in Python, more than the server's own peak).
text = open(path, encoding='utf-8').read()
uri = 'file://' + os.path.abspath(path)
send({'jsonrpc':'2.0','id':1,'method':'initialize','params':{'processId':None,'rootUri':None,'capabilities':{}}})
while read().get('id') != 1: pass
send({'jsonrpc':'2.0','method':'initialized','params':{}})
# The server's CPU so far (all threads, user + sys; Linux, not under a wrapper):
# on a loaded machine the wall times are mostly waiting for a core.
def server_cpu():
    if wrapper: return float('nan')
    try:
        fields = open('/proc/%d/stat' % p.pid).read().rsplit(')', 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')
    except (OSError, IndexError, ValueError):
        return float('nan')
cpu0 = server_cpu()
t0 = time.monotonic()
send({'jsonrpc':'2.0','method':'textDocument/didOpen','params':{'textDocument':{'uri':uri,'languageId':'bitext','version':1,'text':text}}})
# A hover waits for the document's analysis and is answered right after its
# diagnostics are published: the publish before the answer is the full list
# (a large document's structural findings, then those with its first pairs' content
# findings, may come first, each in a publish of its own).
send({'jsonrpc':'2.0','id':3,'method':'textDocument/hover','params':{'textDocument':{'uri':uri},'position':{'line':0,'character':0}}})
publishes = []
while True:
    m = read()
    if m.get('method') == 'textDocument/publishDiagnostics':
        publishes.append((time.monotonic(), len(m['params']['diagnostics']), server_cpu()))
    if m.get('id') == 3: break
for k, (when, count, cpu) in enumerate(publishes[1:-1]):
    print('  early publish %d: %.2f s wall, %.2f s server CPU, %d diagnostics' % (k + 2, when - t0, cpu - cpu0, count))
for name, (when, count, cpu) in (('first', publishes[0]), ('full', publishes[-1])):
    print('open->%s diagnostics %.2f s wall, %.2f s server CPU, %d diagnostics%s' %
          (name, when - t0, cpu - cpu0, count, ' (%d publishes)' % len(publishes) if name == 'full' else ''))
lines = text.split('\n'); line = len(lines) // 2
lat = []
if stream:
    # As a typist does: the next keystroke does not wait for the last one's
    # diagnostics, which are read meanwhile, as an editor reads them (unread,
    # they would pile up in the server's output queue).
    import threading
    published_versions = []
    def drain():
        while True:
            m = read()
            if m.get('method') != 'textDocument/publishDiagnostics': continue
            published_versions.append(m['params'].get('version'))
            if m['params'].get('version') == 1 + edits: return
    reader = threading.Thread(target=drain, daemon=True); reader.start()
    t = time.monotonic()
    for i in range(edits):
        time.sleep(interval)
        send({'jsonrpc':'2.0','method':'textDocument/didChange','params':{'textDocument':{'uri':uri,'version':2+i},
              'contentChanges':[{'range':{'start':{'line':line,'character':3},'end':{'line':line,'character':3}},'text':'x'}]}})
    reader.join()
    published = len(published_versions)
    print('%d edits %.0f ms apart without waiting: %d publishes, the last %.1f ms after the last edit (wall)' %
          (edits, 1000 * interval, published, 1000 * (time.monotonic() - t - interval * edits)))
    edits = 0
for i in range(edits):
    time.sleep(0.1)
    t = time.monotonic()
    send({'jsonrpc':'2.0','method':'textDocument/didChange','params':{'textDocument':{'uri':uri,'version':2+i},
          'contentChanges':[{'range':{'start':{'line':line,'character':3},'end':{'line':line,'character':3}},'text':'x'}]}})
    wait_diagnostics(); lat.append(time.monotonic() - t)
if lat:
    lat.sort(); print('edit->diagnostics p50 %.1f ms p90 %.1f ms (wall, client)' % (1000*lat[len(lat)//2], 1000*lat[int(len(lat)*0.9)]))
send({'jsonrpc':'2.0','id':2,'method':'shutdown'})
while read().get('id') != 2: pass
# The server's own high-water mark (Linux; not the wrapper's when there is one).
peak_kib = None
if not wrapper:
    try:
        peak_kib = int(open('/proc/%d/status' % p.pid).read().split('VmHWM:')[1].split()[0])
    except (OSError, IndexError, ValueError):
        pass
send({'jsonrpc':'2.0','method':'exit'}); p.wait()
r = resource.getrusage(resource.RUSAGE_CHILDREN)
peak_kib = peak_kib or r.ru_maxrss
print('server CPU %.2f s user + %.2f s sys, peak RSS %.1f MB (%d KiB, %.2fx the document)' %
      (r.ru_utime, r.ru_stime, peak_kib * 1024 / 1e6, peak_kib, peak_kib * 1024 / os.path.getsize(path)))
