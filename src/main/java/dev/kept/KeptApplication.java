package dev.kept;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KeptApplication {
    public static void main(String[] args) {
        SpringApplication.run(KeptApplication.class, args);
    }
}
