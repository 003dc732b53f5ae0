/// Placeholder so the target compiles; the dashboard comes with its own issue.
enum PlanTrackUIModule {}
