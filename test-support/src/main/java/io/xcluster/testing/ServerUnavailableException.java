package io.xcluster.testing;

/** One source could not provide a server; the message says why, for the final error report. */
final class ServerUnavailableException extends Exception {
  ServerUnavailableException(String reason) {
    super(reason);
  }

  ServerUnavailableException(String reason, Throwable cause) {
    super(reason + ": " + cause.getMessage(), cause);
  }
}
