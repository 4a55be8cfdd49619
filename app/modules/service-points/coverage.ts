import { greatCircleKm, reachKm, travelMinutes, type LatLng } from "../places/distance.ts";

/**
 * The service circle of seed 001, point 19: a station within 15 minutes in town (街道, the urban
 * subdivisions) and within 30 minutes in the countryside (镇, 乡).
 */
export const CIRCLE_MINUTES = { urban: 15, rural: 30 } as const;

export interface CoveragePlace {
  code: string;
  name: string;
  point: LatLng;
  /** The place's point is its county seat, not its own: its minutes are a guess. */
  approximate: boolean;
}

export interface CoverageStation {
  id: number;
  name: string;
  point: LatLng;
}

export interface CoverageRow {
  code: string;
  name: string;
  urban: boolean;
  circleMinutes: number;
  nearest: { id: number; name: string; km: number; minutes: number } | null;
  covered: boolean;
  approximate: boolean;
}

/** Subdistricts (街道) are urban; towns and townships (镇, 乡) are rural. */
export function isUrban(name: string): boolean {
  return /街道$|街道办事处$/.test(name);
}

/** For each place: its nearest station by estimated travel time, and whether that is inside its circle. */
export function coverage(places: CoveragePlace[], stations: CoverageStation[]): CoverageRow[] {
  return places.map((place) => {
    const urban = isUrban(place.name);
    let nearest: CoverageRow["nearest"] = null;
    for (const station of stations) {
      const km = greatCircleKm(place.point, station.point);
      const minutes = travelMinutes(km, { urban });
      if (!nearest || minutes < nearest.minutes) nearest = { id: station.id, name: station.name, km, minutes };
    }
    const circleMinutes = urban ? CIRCLE_MINUTES.urban : CIRCLE_MINUTES.rural;
    return { code: place.code, name: place.name, urban, circleMinutes, nearest, covered: nearest !== null && nearest.minutes <= circleMinutes, approximate: place.approximate };
  });
}

/** The straight-line radius a service circle reaches, by the same estimate. */
export function circleKm(urban: boolean): number {
  return reachKm(urban ? CIRCLE_MINUTES.urban : CIRCLE_MINUTES.rural, { urban });
}

/** A county centre sits in its county seat and a 街道 station in town: urban circles; other stations rural. */
export function stationIsUrban(kind: string, placeName: string): boolean {
  return kind === "county_centre" || isUrban(placeName);
}
