import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT and SIGTERM ask the run to stop after the current batch, so that the output holds
/// whole lines only and can be resumed. The handlers are installed without `SA_RESTART`, so a
/// call that blocks (opening a FIFO) returns `EINTR`, and the JSONL reader waits for input in
/// short steps, asking `requested()` between them; a signal that lands on another thread is
/// passed on to the main thread, whose wait it has to break. A
/// second signal ends the process at once, with status 128 + the signal's number. Signals a
/// parent left blocked are unblocked.
public enum Interruption {
    fileprivate static let received = Atomic<Int32>(0)
    fileprivate static let mainThread = Atomic<UInt>(0)

    /// Installs the handlers; call on the thread that reads the input.
    public static func install() {
        mainThread.store(UInt(pthread_self()), ordering: .relaxed)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handleSignal
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        // A parent may have started fynd with the signals blocked (the mask is inherited).
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// True once a signal has asked the run to stop.
    @Sendable public static func requested() -> Bool { received.load(ordering: .relaxed) != 0 }

    /// The exit status for the signal received: 130 for SIGINT, 143 for SIGTERM.
    public static var exitStatus: Int32 { 128 + received.load(ordering: .relaxed) }
}

/// Async-signal-safe: atomics, `pthread_kill`, `write` and `_exit` only.
private func handleSignal(_ signal: Int32) {
    let main = Interruption.mainThread.load(ordering: .relaxed)
    if main != 0, pthread_equal(pthread_self(), pthread_t(main)) == 0 {
        pthread_kill(pthread_t(main), signal)
        return
    }
    if Interruption.received.exchange(signal, ordering: .relaxed) != 0 {
        let message: StaticString = "\nfynd: stopped at once\n"
        _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
        _exit(128 + signal)
    }
    let message: StaticString = "\nfynd: stopping after the current batch (press Ctrl-C again to stop at once)\n"
    _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
}
