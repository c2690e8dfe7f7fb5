package dev.kept.promise;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How Kept writes a due time for a person: in their own zone, e.g. "Friday 27 Nov, 15:00". */
public final class DueFormat {

    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("EEEE d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("EEEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private DueFormat() {
    }

    public static String format(Instant due, ZoneId zone, Instant now) {
        ZonedDateTime local = due.atZone(zone);
        boolean sameYear = local.getYear() == now.atZone(zone).getYear();
        return (sameYear ? THIS_YEAR : OTHER_YEAR).format(local);
    }
}
