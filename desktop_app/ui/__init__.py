"""Qt widgets, dialogs and item models. Calls services; never builds SQL."""
