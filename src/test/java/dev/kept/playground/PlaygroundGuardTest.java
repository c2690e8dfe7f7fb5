package dev.kept.playground;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests a page on another site could make, and the ones the playground page itself makes. */
class PlaygroundGuardTest {

    final PlaygroundGuard localOnly = new PlaygroundGuard(new MockEnvironment());

    static MockHttpServletRequest request(String method, String host) {
        MockHttpServletRequest r = new MockHttpServletRequest(method, "/playground/say");
        r.addHeader("Host", host);
        return r;
    }

    boolean allowed(PlaygroundGuard guard, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean ok = guard.preHandle(request, response, null);
        assertThat(response.getStatus()).isEqualTo(ok ? 200 : 403);
        return ok;
    }

    @Test
    void thePagesOwnRequestsPass() throws Exception {
        assertThat(allowed(localOnly, request("GET", "localhost:8080"))).isTrue();
        MockHttpServletRequest post = request("POST", "127.0.0.1:8080");
        post.addHeader("Origin", "http://127.0.0.1:8080");
        post.addHeader("Sec-Fetch-Site", "same-origin");
        assertThat(allowed(localOnly, post)).isTrue();
        assertThat(allowed(localOnly, request("POST", "[::1]:8080"))).as("no Origin: not a browser form from elsewhere").isTrue();
    }

    @Test
    void aChangeFromAnotherSiteIsRefused() throws Exception {
        MockHttpServletRequest forged = request("POST", "localhost:8080");
        forged.addHeader("Origin", "http://evil.example");
        assertThat(allowed(localOnly, forged)).isFalse();
        MockHttpServletRequest crossSite = request("POST", "localhost:8080");
        crossSite.addHeader("Sec-Fetch-Site", "cross-site");
        assertThat(allowed(localOnly, crossSite)).isFalse();
        MockHttpServletRequest otherPort = request("POST", "localhost:8080");
        otherPort.addHeader("Origin", "http://localhost:9999");
        assertThat(allowed(localOnly, otherPort)).isFalse();
    }

    @Test
    void aRebindedNameIsRefusedWhileKeptListensOnLocalhostOnly() throws Exception {
        assertThat(allowed(localOnly, request("GET", "evil.example:8080"))).isFalse();
        PlaygroundGuard open = new PlaygroundGuard(new MockEnvironment().withProperty("kept.playground.address", "0.0.0.0"));
        assertThat(allowed(open, request("GET", "kept.lan:8080"))).isTrue();
    }
}
