# Build: docker build -t kept .
# Run (Socket Mode):  docker run -e SLACK_BOT_TOKEN=xoxb-… -e SLACK_APP_TOKEN=xapp-… -v kept-data:/data kept
# Run (HTTP mode):    docker run -p 8080:8080 -e SLACK_BOT_TOKEN=xoxb-… -e SLACK_SIGNING_SECRET=… -v kept-data:/data kept
# With REDIS_URL set, Kept uses that Redis; otherwise its embedded Redis keeps data in /data.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -q package -DskipTests && cp target/kept-*.jar /kept.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system kept && useradd --system --gid kept --home-dir /app --shell /usr/sbin/nologin kept \
    && mkdir -p /app /data && chown kept:kept /app /data
WORKDIR /app
COPY --from=build --chown=kept:kept /kept.jar /app/kept.jar
USER kept
ENV KEPT_DATA_DIR=/data \
    PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
VOLUME /data
EXPOSE 8080
# No curl in the JRE image: ask the health endpoint over bash's /dev/tcp.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${PORT} && printf "GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"status\":\"UP\"" <&3'
ENTRYPOINT ["java", "-jar", "/app/kept.jar"]
