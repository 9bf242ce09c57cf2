package dev.callcenter.core.acd;

import dev.callcenter.core.Department;
import java.time.Duration;
import java.time.Instant;

/**
 * A queue's figures at one moment, the input of a {@link WaitEstimator}.
 *
 * @param waiting calls waiting, callbacks included
 * @param staffedAgents agents of the department logged in and not on break
 * @param availableAgents of those, the ones idle
 * @param secondsPerPlace moving average, over the recent answered calls, of (wait ÷ position on joining); 0 when
 *     there are no samples yet
 * @param samples how many answered calls {@code secondsPerPlace} is based on
 * @param averageHandleTime moving average of talk plus wrap-up time of recent calls; zero when none yet
 * @param arrivalsPerSecond rate of recent arrivals in the queue; 0 when fewer than two
 */
public record QueueSnapshot(Department queue, Instant at, int waiting, int staffedAgents, int availableAgents,
    double secondsPerPlace, int samples, Duration averageHandleTime, double arrivalsPerSecond) {}
