package com.salesos.admin.local.deploy;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge Scheduler's schedule expressions, which moto accepts unchecked
 * (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html): {@code rate(value
 * unit)} with a positive whole value and minute(s), hour(s) or day(s) (singular exactly for 1);
 * {@code cron(minutes hours day-of-month month day-of-week year)} where one of the two day fields
 * is {@code ?}; {@code at(yyyy-mm-ddThh:mm:ss)}.
 */
public final class ScheduleExpressions {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final Pattern AT = Pattern.compile("at\\((.*)\\)");

    private record Field(String name, String pattern, int min, int max) {
    }

    private static final String MONTHS = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC";
    private static final String DAYS = "SUN|MON|TUE|WED|THU|FRI|SAT";
    private static final List<Field> CRON_FIELDS = List.of(
            new Field("minutes", "[0-9,\\-*/]+", 0, 59),
            new Field("hours", "[0-9,\\-*/]+", 0, 23),
            new Field("day-of-month", "[0-9,\\-*/?LW]+", 1, 31),
            new Field("month", "([0-9,\\-*/]|" + MONTHS + ")+", 1, 12),
            new Field("day-of-week", "([0-9,\\-*/?L#]|" + DAYS + ")+", 1, 7),
            new Field("year", "[0-9,\\-*/]+", 1970, 2199));

    private ScheduleExpressions() {
    }

    /** What is wrong with the expression, or empty when Scheduler accepts it. */
    public static Optional<String> problemWith(String expression) {
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            long value = Long.parseLong(rate.group(1));
            boolean singular = !rate.group(2).endsWith("s");
            if (value < 1) {
                return Optional.of("a rate must be a positive whole number");
            }
            return (value == 1) == singular ? Optional.empty()
                    : Optional.of("a rate of " + value + " takes the " + (value == 1 ? "singular" : "plural") + " unit");
        }
        Matcher cron = CRON.matcher(expression);
        if (cron.matches()) {
            return cronProblem(cron.group(1).trim().split("\\s+"));
        }
        Matcher at = AT.matcher(expression);
        if (at.matches()) {
            try {
                LocalDateTime.parse(at.group(1));
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.of("at(...) takes yyyy-mm-ddThh:mm:ss");
            }
        }
        return Optional.of("not rate(value unit), cron(six fields) or at(yyyy-mm-ddThh:mm:ss)");
    }

    private static Optional<String> cronProblem(String[] fields) {
        if (fields.length != 6) {
            return Optional.of("cron takes six fields (minutes hours day-of-month month day-of-week year), not " + fields.length);
        }
        for (int i = 0; i < fields.length; i++) {
            Field field = CRON_FIELDS.get(i);
            if (!fields[i].matches(field.pattern())) {
                return Optional.of("cron " + field.name() + " field '" + fields[i] + "' is not valid");
            }
            for (String number : fields[i].split("[^0-9]+")) {
                if (!number.isEmpty() && !fields[i].contains("/" + number) && !fields[i].contains("#" + number)
                        && (Integer.parseInt(number) < field.min() || Integer.parseInt(number) > field.max())) {
                    return Optional.of("cron " + field.name() + " " + number + " is outside " + field.min() + "-" + field.max());
                }
            }
        }
        if (fields[2].equals("?") == fields[4].equals("?")) {
            return Optional.of("cron needs '?' in exactly one of day-of-month and day-of-week");
        }
        return Optional.empty();
    }
}
