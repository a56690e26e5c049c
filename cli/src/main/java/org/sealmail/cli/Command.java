package org.sealmail.cli;

import java.util.List;
import org.sealmail.core.SmimeException;

/** One sub-command of the tool: {@code sealmail NAME ...}. */
interface Command {

    String name();

    /** One line for the tool's own help. */
    String summary();

    /** The full text {@code sealmail NAME --help} prints. */
    String usage();

    /** Runs the command; returns the exit code of a run that did not fail. */
    int run(List<String> args, Console console) throws UsageException, CommandFailure, SmimeException;

    /**
     * True for a command a mail server runs to deliver: a failure that is not the message's or
     * the recipient's fault (an internal error, a permission problem, an output that cannot be
     * created) then exits 75, so the server keeps the message and retries instead of bouncing it.
     */
    default boolean defersOnOwnFailure() {
        return false;
    }
}
