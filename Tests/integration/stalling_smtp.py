"""A small SMTP server for relay-stall tests: it speaks enough SMTP for libcurl (EHLO, MAIL, RCPT,
DATA, RSET, NOOP, QUIT), records each recipient of each message it accepted (after its 250), and
after `silent_after` accepted messages it goes silent: it keeps every connection open, reads what
arrives and answers nothing, and greets no new connection — a relay that "accepts then goes silent"."""

import socket
import threading


class StallingSMTPServer:
    def __init__(self, port=0, silent_after=None):
        self.silent_after = silent_after
        self.accepted = []  # recipients, one entry per accepted copy
        self.lock = threading.Lock()
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", port))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.connections = []
        self.running = True
        threading.Thread(target=self._accept_loop, daemon=True).start()

    @property
    def silent(self):
        with self.lock:
            return self.silent_after is not None and len(self.accepted) >= self.silent_after

    def _accept_loop(self):
        while self.running:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(connection)
            threading.Thread(target=self._session, args=(connection,), daemon=True).start()

    def _session(self, connection):
        reader = connection.makefile("rb")
        try:
            if self.silent:
                return self._swallow(reader)
            connection.sendall(b"220 stalling-relay ESMTP\r\n")
            recipients = []
            while True:
                line = reader.readline()
                if not line:
                    return
                if self.silent:
                    return self._swallow(reader)
                verb = line[:4].upper()
                if verb in (b"EHLO", b"HELO"):
                    connection.sendall(b"250-stalling-relay\r\n250 8BITMIME\r\n")
                elif verb == b"MAIL":
                    recipients = []
                    connection.sendall(b"250 2.1.0 Ok\r\n")
                elif verb == b"RCPT":
                    recipients.append(line.split(b"<", 1)[1].split(b">", 1)[0].decode())
                    connection.sendall(b"250 2.1.5 Ok\r\n")
                elif verb == b"DATA":
                    connection.sendall(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    while reader.readline() not in (b".\r\n", b""):
                        pass
                    if self.silent:
                        return self._swallow(reader)
                    with self.lock:
                        self.accepted.extend(recipients)
                    connection.sendall(b"250 2.0.0 Ok: queued\r\n")
                elif verb == b"QUIT":
                    connection.sendall(b"221 2.0.0 Bye\r\n")
                    return
                else:  # RSET, NOOP
                    connection.sendall(b"250 2.0.0 Ok\r\n")
        except OSError:
            return
        finally:
            connection.close()

    def _swallow(self, reader):
        """Silence: read whatever comes until the client gives up, answer nothing."""
        while self.running and reader.readline():
            pass

    def stop(self):
        self.running = False
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
        except OSError:
            pass
        self.listener.close()
        for connection in self.connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
                connection.close()
            except OSError:
                pass
