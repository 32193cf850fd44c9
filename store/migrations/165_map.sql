-- The map of the city (项目一张图): the counties' shapes as the office
-- uploaded them (a GeoJSON kept in blobs by its hash, so the audit trail
-- holds the hash and not megabytes), and projects' locations. Degrees are
-- kept as integers of millionths (about 0.1 m), exact on both databases.
CREATE TABLE city_maps (
    id {{.ID}},
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    name TEXT NOT NULL,
    counties INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);

CREATE TABLE project_places (
    id {{.ID}},
    project_id BIGINT NOT NULL UNIQUE REFERENCES projects(id),
    lon_e6 BIGINT NOT NULL,
    lat_e6 BIGINT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
