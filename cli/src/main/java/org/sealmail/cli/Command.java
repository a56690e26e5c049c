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
}
