package dev.kept.insight;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The weekly digest to a channel.
 *
 * @param channels by platform, the channel its workspaces get the digest in (blank or absent: none there). For
 *                 Slack a channel id, e.g. C0123, or its name (Kept must be a member): {@code KEPT_DIGEST_CHANNEL};
 *                 for Teams a channel's conversation id, {@code 19:…@thread.tacv2}, in a team where Kept is
 *                 installed: {@code KEPT_DIGEST_TEAMS_CHANNEL}; any other platform {@code KEPT_DIGEST_CHANNELS_<NAME>}
 * @param day      the day it is sent
 * @param time     the time it is sent, in {@code zone}
 * @param zone     the team's time zone (chat platforms tell Kept each person's zone, not the team's)
 * @param poll     how often Kept looks whether a digest is due
 */
@ConfigurationProperties(prefix = "kept.digest")
public record DigestProperties(
        Map<String, String> channels,
        @DefaultValue("MONDAY") DayOfWeek day,
        @DefaultValue("09:00") LocalTime time,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("1m") Duration poll) {

    public DigestProperties {
        Map<String, String> given = new TreeMap<>();
        if (channels != null) {
            channels.forEach((platform, channel) -> {
                if (channel != null && !channel.isBlank()) {
                    given.put(platform.toLowerCase(Locale.ROOT), channel.strip());
                }
            });
        }
        channels = Map.copyOf(given);
        if (poll == null || poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("kept.digest.poll must be a positive duration: " + poll);
        }
    }

    public boolean enabled() {
        return !channels.isEmpty();
    }

    /** The channel a workspace of {@code platform} gets its digest in; empty when it gets none. */
    public String channelFor(String platform) {
        return channels.getOrDefault(platform, "");
    }
}
