package com.salesos.admin.badges;

import com.salesos.admin.points.ActivityType;
import java.util.List;

/**
 * A badge: what it is, the machine-checkable criterion, the human narrative of it, and the points
 * it adds when awarded. Default badges exist in every workspace; custom ones need the plan feature.
 */
public record Badge(String id, String name, String description, String narrative, Criterion criterion,
                    long pointReward, boolean custom, String imageType) {

    /** Badge images: PNG or SVG, at most 256 KB. */
    public static final java.util.Set<String> IMAGE_TYPES = java.util.Set.of("image/png", "image/svg+xml");
    public static final long MAX_IMAGE_BYTES = 256 * 1024;

    public boolean hasImage() {
        return imageType != null;
    }

    public Badge withImage(String type) {
        return new Badge(id, name, description, narrative, criterion, pointReward, custom, type);
    }

    /** Default badges' images are SVGs shipped with the application, one per default badge. */
    public static final String DEFAULT_IMAGE_TYPE = "image/svg+xml";

    public static final List<Badge> DEFAULTS = List.of(
            new Badge("first-deal-won", "First deal won", "Closed a first deal",
                    "Win one deal.", new Criterion.ActivityCount(ActivityType.DEAL_WON, 1), 25, false, DEFAULT_IMAGE_TYPE),
            new Badge("ten-deals-won", "Ten deals won", "Closed ten deals",
                    "Win ten deals.", new Criterion.ActivityCount(ActivityType.DEAL_WON, 10), 100, false, DEFAULT_IMAGE_TYPE),
            new Badge("thousand-points", "1,000 points", "Earned 1,000 points",
                    "Reach a points total of 1,000.", new Criterion.PointsTotal(1000), 0, false, DEFAULT_IMAGE_TYPE));
}
