package io.xcluster.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of one database server, for failure injection: tests point a cluster's URL at
 * {@link #port()} and then make the cluster unreachable ({@link #refuse()}: new connections are refused and
 * open ones cut), cut only the open connections ({@link #cut()}: a database dying mid-query), hang the
 * network ({@link #stall()}: nothing gets through, nothing is closed), or bring it back ({@link #restore()},
 * same port; {@link #resume()}). Each connection is two daemon threads copying bytes.
 */
public final class TcpProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listener;
  private volatile boolean stalled;

  private TcpProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.listener = listen(0);
    this.port = listener.getLocalPort();
    accept(listener);
  }

  /** A proxy on a free local port forwarding to {@code host:port}. */
  public static TcpProxy to(String host, int port) throws IOException {
    return new TcpProxy(new InetSocketAddress(host, port));
  }

  public int port() {
    return port;
  }

  /** The server is gone: new connections are refused and open ones are cut. */
  public synchronized void refuse() throws IOException {
    ServerSocket current = listener;
    listener = null;
    if (current != null) {
      current.close();
    }
    cut();
  }

  /** The open connections die (as when the database crashes mid-query); new ones are still accepted. */
  public void cut() {
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  /** The network hangs: connections stay open but no byte gets through until {@link #resume()}. */
  public void stall() {
    stalled = true;
  }

  public void resume() {
    stalled = false;
  }

  /** Accepts connections again, on the same port. */
  public synchronized void restore() throws IOException {
    if (listener == null) {
      listener = listen(port);
      accept(listener);
    }
  }

  @Override
  public void close() throws IOException {
    refuse();
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return socket;
  }

  private void accept(ServerSocket server) {
    daemon("tcp-proxy-accept-" + port, () -> {
      while (!server.isClosed()) {
        Socket client;
        try {
          client = server.accept();
        } catch (IOException closed) {
          return;
        }
        try {
          Socket upstream = new Socket(target.getAddress(), target.getPort());
          open.add(client);
          open.add(upstream);
          pipe(client, upstream);
          pipe(upstream, client);
        } catch (IOException unreachable) {
          closeQuietly(client);
        }
      }
    });
  }

  private void pipe(Socket from, Socket to) {
    daemon("tcp-proxy-pipe-" + port, () -> {
      byte[] buffer = new byte[8192];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          while (stalled && !to.isClosed()) {
            Thread.sleep(10);
          }
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      } catch (IOException ended) {
        // one side closed or was cut: close the other below
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    });
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
