enum PlanTrackExtractModule {}
