package dev.kept.insight;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The weekly digest to a channel.
 *
 * @param channel      the Slack channel it goes to (its id, e.g. C0123, or its name; Kept must be a member);
 *                     blank: no digest in Slack
 * @param teamsChannel the Teams channel it goes to (the channel's conversation id, {@code 19:…@thread.tacv2},
 *                     in a team where Kept is installed); blank: no digest in Teams
 * @param day     the day it is sent
 * @param time    the time it is sent, in {@code zone}
 * @param zone    the team's time zone (chat platforms tell Kept each person's zone, not the team's)
 * @param poll    how often Kept looks whether a digest is due
 */
@ConfigurationProperties(prefix = "kept.digest")
public record DigestProperties(
        String channel,
        String teamsChannel,
        @DefaultValue("MONDAY") DayOfWeek day,
        @DefaultValue("09:00") LocalTime time,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("1m") Duration poll) {

    public DigestProperties {
        channel = channel == null ? "" : channel.strip();
        teamsChannel = teamsChannel == null ? "" : teamsChannel.strip();
        if (poll == null || poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("kept.digest.poll must be a positive duration: " + poll);
        }
    }

    public boolean enabled() {
        return !channel.isEmpty() || !teamsChannel.isEmpty();
    }

    /** The channel a workspace of {@code platform} gets its digest in; empty when it gets none. */
    public String channelFor(String platform) {
        if ("slack".equals(platform)) {
            return channel;
        }
        if ("teams".equals(platform)) {
            return teamsChannel;
        }
        return "";
    }
}
