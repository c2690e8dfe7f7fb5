package dev.kept.playground;

import dev.kept.KeptMode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.net.URI;
import java.util.Set;

/**
 * Enough request forgery protection for a page on localhost: every change is a POST, and a POST is
 * refused (403) when the browser says it comes from another site ({@code Sec-Fetch-Site}) or names
 * another origin ({@code Origin} not the host the page was served from). While Kept listens on
 * localhost only, a request must also name localhost as its host, so a web page that rebinds its own
 * domain name to 127.0.0.1 can't read the playground either.
 */
@Configuration(proxyBeanMethods = false)
class PlaygroundGuard implements HandlerInterceptor, WebMvcConfigurer {

    static final String REFUSED = "Refused: this change did not come from the playground page itself.";
    static final String WRONG_HOST = "Refused: open the playground at http://localhost (it listens on this machine only).";
    private static final Set<String> SAME_SITE = Set.of("same-origin", "none");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final boolean localOnly;

    PlaygroundGuard(Environment env) {
        String server = env.getProperty("server.address", "");
        String own = env.getProperty("kept.playground.address", "127.0.0.1");
        this.localOnly = KeptMode.playgroundOnly(env) && server.isBlank() && LOOPBACK.contains(own);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/", "/playground", "/playground/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (localOnly && !LOOPBACK.contains(hostName(request.getHeader("Host")))) {
            return refuse(response, WRONG_HOST);
        }
        if (!"POST".equals(request.getMethod()) || sameOrigin(request)) {
            return true;
        }
        return refuse(response, REFUSED);
    }

    private static boolean refuse(HttpServletResponse response, String why) throws java.io.IOException {
        response.setStatus(403);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(why);
        return false;
    }

    static String hostName(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        String h = hostHeader.strip().toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !SAME_SITE.contains(site)) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = request.getHeader("Host");
        try {
            URI o = URI.create(origin);
            String originHost = o.getHost() + (o.getPort() == -1 ? "" : ":" + o.getPort());
            return host != null && host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
