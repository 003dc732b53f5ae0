import PlanTrackCore

/// A key press (Core's, which settings also name).
public typealias Key = PlanTrackCore.Key
