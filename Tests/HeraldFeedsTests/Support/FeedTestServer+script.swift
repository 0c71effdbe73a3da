extension FeedTestServer {
    /// The server, run with `python3 -c`. Only the standard library; binds 127.0.0.1 on a free
    /// port, writes the port to the file named by argv[1], and exits when stdin closes.
    ///
    /// Routes: `/feed.xml` (ETag `"v1"`, Last-Modified; 304 when either validator matches),
    /// `/headers` (the request headers as JSON), `/redirect/N` (N hops, then the feed),
    /// `/redirect-file` (to `file:///etc/passwd`), `/status/N`, `/huge` (11 MiB, no length),
    /// `/huge-declared` (Content-Length 11 MiB), `/slow` (never answers), `/gzip`.
    static let script = #"""
        import gzip, json, os, sys, threading, time
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        FEED = (b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Served</title>'
                b'<link>/</link><item><title>One</title><link>/one</link></item></channel></rss>')
        ETAG = '"v1"'
        LAST_MODIFIED = 'Wed, 01 May 2024 09:30:00 GMT'
        HUGE = 11 * 1024 * 1024

        class Handler(BaseHTTPRequestHandler):
            protocol_version = 'HTTP/1.1'

            def log_message(self, *args):
                pass

            def reply(self, status, body=b'', headers=()):
                self.send_response(status)
                self.send_header('Content-Length', str(len(body)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                path = self.path.split('?')[0]
                if path == '/feed.xml':
                    if self.headers.get('If-None-Match') == ETAG or self.headers.get('If-Modified-Since') == LAST_MODIFIED:
                        self.send_response(304)
                        self.send_header('ETag', ETAG)
                        self.end_headers()
                    else:
                        self.reply(200, FEED, [('Content-Type', 'application/rss+xml'), ('ETag', ETAG),
                                               ('Last-Modified', LAST_MODIFIED)])
                elif path == '/headers':
                    self.reply(200, json.dumps(dict(self.headers.items())).encode(), [('Content-Type', 'application/json')])
                elif path.startswith('/redirect/'):
                    hops = int(path.rsplit('/', 1)[1])
                    target = '/feed.xml' if hops <= 0 else '/redirect/%d' % (hops - 1)
                    self.reply(302, b'', [('Location', target)])
                elif path == '/redirect-file':
                    self.reply(302, b'', [('Location', 'file:///etc/passwd')])
                elif path.startswith('/status/'):
                    self.reply(int(path.rsplit('/', 1)[1]), b'<html>error page</html>', [('Content-Type', 'text/html')])
                elif path == '/huge':
                    self.send_response(200)
                    self.send_header('Content-Type', 'application/rss+xml')
                    self.send_header('Connection', 'close')
                    self.end_headers()
                    self.close_connection = True
                    chunk = b'<!-- padding -->' * 4096
                    try:
                        for _ in range(HUGE // len(chunk) + 1):
                            self.wfile.write(chunk)
                    except OSError:
                        pass
                elif path == '/huge-declared':
                    self.send_response(200)
                    self.send_header('Content-Length', str(HUGE))
                    self.end_headers()
                    self.close_connection = True
                    try:
                        self.wfile.write(b'<rss>')
                        time.sleep(5)
                    except OSError:
                        pass
                elif path == '/slow':
                    time.sleep(120)
                elif path == '/gzip':
                    self.reply(200, gzip.compress(FEED), [('Content-Type', 'application/rss+xml'), ('Content-Encoding', 'gzip')])
                else:
                    self.reply(404, b'not found')

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 64

        def watch_stdin():
            sys.stdin.read()
            os._exit(0)

        server = Server(('127.0.0.1', 0), Handler)
        threading.Thread(target=watch_stdin, daemon=True).start()
        with open(sys.argv[1] + '.tmp', 'w') as port_file:
            port_file.write(str(server.server_address[1]))
        os.rename(sys.argv[1] + '.tmp', sys.argv[1])
        server.serve_forever()
        """#
}
