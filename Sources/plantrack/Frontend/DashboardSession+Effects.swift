import PlanTrackUI

/// The session carries out the dashboard loop's effects: `perform` and `pollStore`.
extension DashboardSession: DashboardEffects {}
