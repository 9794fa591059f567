package io.xcluster.rewriter.parse;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs each task on the thread that submits it, before {@code submit} returns. JSqlParser only offers its
 * two-attempt parse (simple, then complex) through an executor; this one lets that logic run on the
 * caller's thread. It is never shut down; the lifecycle methods only satisfy the interface.
 */
final class CallerThreadExecutor extends AbstractExecutorService {
  @Override
  public void execute(Runnable task) {
    task.run();
  }

  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return false;
  }
}
