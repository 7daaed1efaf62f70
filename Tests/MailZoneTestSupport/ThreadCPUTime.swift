import Foundation

/// CPU time used by the calling thread: a timing measure that other tests running in parallel
/// on the same cores do not inflate (wall-clock limits flake under load; this does not).
public enum ThreadCPUTime {
  /// The CPU time `body` takes on this thread. `body` must be synchronous.
  public static func measure(_ body: () -> Void) -> Duration {
    let start = now()
    body()
    return now() - start
  }

  private static func now() -> Duration {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
  }
}
