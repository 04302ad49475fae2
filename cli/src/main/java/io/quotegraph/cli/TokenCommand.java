package io.quotegraph.cli;

import io.quotegraph.security.DevKeys;
import io.quotegraph.security.Roles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** Prints a token signed with the committed DEV key: accepted by the embedded defaults (./quotegraph up) only. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Print a bearer token signed with the DEV key (never trusted by a production deployment).",
                "Use it as: Authorization: Bearer <token>"})
public class TokenCommand implements Callable<Integer> {

    @Option(names = "--role", required = true, split = ",",
            description = "role(s) to grant: ingestor, curator, service (comma-separated for several)")
    List<String> roles;

    @Option(names = "--subject", description = "the token's subject (curation logs name it); default: ${DEFAULT-VALUE}",
            defaultValue = "dev")
    String subject;

    @Option(names = "--ttl", description = "how long it is valid, e.g. 30m, 1h, 2d; default: ${DEFAULT-VALUE}",
            defaultValue = "1h")
    String ttl;

    @Override
    public Integer call() {
        for (String role : roles) {
            if (!Roles.isKnown(role)) {
                System.err.println("unknown role '" + role + "': use ingestor, curator or service");
                return 2;
            }
        }
        Duration validity;
        try {
            validity = parse(ttl);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        System.out.println(DevKeys.issuer().issue(subject, roles, validity));
        return 0;
    }

    /** "90s", "30m", "1h", "2d", or an ISO-8601 duration. */
    static Duration parse(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            Duration d;
            if (t.matches("\\d+[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                d = switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else {
                d = Duration.parse(text.strip().toUpperCase(java.util.Locale.ROOT));
            }
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("--ttl must be positive");
            }
            return d;
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("--ttl: not a duration: " + text + " (use e.g. 30m, 1h, 2d)");
        }
    }
}
