/**
 * Kept's start: {@code KeptApplication}, which adapters load ({@code KeptMode}, {@code Adapters}), how a chat
 * platform registers itself ({@code Platform}, one line in {@code META-INF/spring.factories}), the clock, and the
 * last word on any request that fails unforeseen ({@code WebErrors}).
 */
package dev.kept;
