"""Sample company profiles (a package so that wheels ship the .yaml files)."""
