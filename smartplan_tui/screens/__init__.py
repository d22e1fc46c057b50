"""One module per screen; reusable widgets live in `screens/widgets/`."""
