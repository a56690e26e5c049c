package org.sealmail.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sealmail.core.SmimeException;

/** {@code sealmail COMMAND [OPTIONS]}: finds the command, runs it, turns every failure into one line and an exit code. */
public final class Main {

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command command : List.of(new EncryptCommand(), new DecryptCommand(), new CertsCommand(),
                new InspectCommand(), new ExportCertCommand(), new AccountCommand(), new DeliverCommand(),
                new EncryptMaildirCommand(), new ReencryptMaildirCommand())) {
            COMMANDS.put(command.name(), command);
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        Interruption.install(System.err);
        int code = run(args, System.in, System.out, System.err);
        System.out.flush();
        Interruption.finish();
        System.exit(code);
    }

    /** Runs the tool as the shell would, with the given streams; returns the exit code. */
    public static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        Console console = new Console(stdin, stdout, stderr);
        if (args.length == 0) {
            stderr.print(toolUsage());
            return ExitCode.USAGE;
        }
        if (isHelp(args[0]) || args[0].equals("help")) {
            stdout.print(toolUsage());
            return ExitCode.OK;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            stderr.println("sealmail: unknown command \"" + OneLine.of(args[0]) + "\"; see sealmail --help");
            return ExitCode.USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.stream().anyMatch(Main::isHelp)) {
            stdout.print(command.usage());
            return ExitCode.OK;
        }
        return runCommand(command, rest, console);
    }

    private static int runCommand(Command command, List<String> args, Console console) {
        int code = exitCodeOf(command, args, console);
        boolean ownFailure = code == ExitCode.INTERNAL || code == ExitCode.PERMISSION || code == ExitCode.CANNOT_CREATE;
        return ownFailure && command.defersOnOwnFailure() ? ExitCode.TEMPORARY_FAILURE : code;
    }

    private static int exitCodeOf(Command command, List<String> args, Console console) {
        String prefix = "sealmail " + command.name() + ": ";
        try {
            int code = command.run(args, console);
            if (console.stdout().checkError()) {
                // PrintStream keeps write errors (a closed pipe, a full disk) to itself until asked.
                console.stderr().println(prefix + "cannot write standard output");
                return ExitCode.TEMPORARY_FAILURE;
            }
            return code;
        } catch (UsageException e) {
            console.stderr().println(prefix + OneLine.of(e.getMessage()) + " (see sealmail " + command.name() + " --help)");
            return ExitCode.USAGE;
        } catch (CommandFailure e) {
            console.stderr().println(prefix + OneLine.of(e.getMessage()));
            return e.exitCode();
        } catch (SmimeException e) {
            console.stderr().println(prefix + OneLine.of(e.getMessage()));
            return ExitCode.of(e.reason());
        } catch (OutOfMemoryError e) {
            console.stderr().println(prefix + "out of memory; try again later, or give Java more (JAVA_TOOL_OPTIONS=-Xmx...)");
            return ExitCode.TEMPORARY_FAILURE;
        } catch (RuntimeException | StackOverflowError e) {
            console.stderr().println(prefix + "internal error: " + OneLine.of(String.valueOf(e)));
            return ExitCode.INTERNAL;
        }
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    private static String toolUsage() {
        StringBuilder text = new StringBuilder();
        text.append("usage: sealmail COMMAND [OPTIONS]\n\n");
        text.append("S/MIME encryption at rest: messages stored so that only the holder of a private key reads them.\n\n");
        text.append("commands:\n");
        for (Command command : COMMANDS.values()) {
            text.append(String.format("  %-17s %s%n", command.name(), command.summary()));
        }
        text.append("\n'sealmail COMMAND --help' tells more about each.\n");
        text.append("exit codes: 0 ok, 64 usage, 65 bad data, 66 no input, 67 no such account,\n");
        text.append("            70 internal error, 73 cannot create output,\n");
        text.append("            75 temporary failure (a read or write failed; try again later), 77 permission denied\n");
        return text.toString();
    }
}
