package dev.kept.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The only addresses Kept answers a {@code response_url} at: Slack's own ({@code https://hooks.slack.com/…}),
 * or, when the operator pointed Kept's Web API elsewhere (a test double or a proxy, {@code kept.slack.api-url}),
 * that same origin. A payload naming any other address (another host, {@code http:} to Slack, {@code file:})
 * is refused at the edge and never posted to: its answer could carry the person's promises.
 */
public final class SlackResponseUrls {

    static final String SLACK_HOST = "hooks.slack.com";

    private final String otherOrigin;

    SlackResponseUrls(SlackProperties properties) {
        String origin = origin(properties.apiUrlWithSlash());
        this.otherOrigin = origin == null || origin.equals("https://slack.com") ? null : origin;
    }

    /** True when Kept may POST an answer to {@code url}. */
    public boolean allowed(String url) {
        if (url == null || url.length() > 2000) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getUserInfo() != null || uri.getHost() == null) {
            return false;
        }
        if ("https".equals(uri.getScheme()) && SLACK_HOST.equals(uri.getHost().toLowerCase(Locale.ROOT))
                && (uri.getPort() == -1 || uri.getPort() == 443)) {
            return true;
        }
        return otherOrigin != null && otherOrigin.equals(origin(url));
    }

    private static String origin(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort();
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
