enum PlanTrackTerminalModule {}
